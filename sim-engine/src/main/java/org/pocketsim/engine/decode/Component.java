package org.pocketsim.engine.decode;

/** Parts of a model whose bytes and MACs the pipeline accounts separately. */
public enum Component {
    EMBEDDING, ATTENTION, KV_CACHE, NORMS, MLP, EXPERTS, ROUTER, LM_HEAD, RECURRENT_STATE;

    public static final int COUNT = values().length;

    /** Name used in result metrics, e.g. {@code lmHead}. */
    public String metricName() {
        String lower = name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : lower.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
