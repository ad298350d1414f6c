package org.pocketsim.engine.decode.mlp;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.pocketsim.hw.config.FieldException;

/**
 * How the MLP (or the experts) of each layer is read per token, as the run's {@code mlp:} node
 * says. Each kind is one spec record beside its {@link MlpMethod} plus one registration line here.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DenseSpec.class, name = "dense"),
        @JsonSubTypes.Type(value = SparseStreamSpec.class, name = "sparse-stream"),
        @JsonSubTypes.Type(value = DipSpec.class, name = "dip"),
        @JsonSubTypes.Type(value = ExpertCacheSpec.class, name = "expert-cache")})
public sealed interface MlpSpec permits DenseSpec, SparseStreamSpec, DipSpec, ExpertCacheSpec {

    /**
     * The method's behaviour for one run: checks the spec against the run's model and trace and
     * sizes what it can without allocating caches (those come with {@link MlpMethod#open}).
     */
    MlpMethod bind(MlpContext context);

    /** A share in [0, 1], or an error naming the field. */
    static double share(String field, double v) {
        if (!(v >= 0 && v <= 1)) throw new FieldException(field, "must be a share in [0, 1], got " + v);
        return v;
    }

    /** An eviction policy name of the registry, or an error listing them. */
    static String policy(String field, String name, String fallback) {
        String policy = name == null ? fallback : name;
        java.util.Set<String> names = org.pocketsim.engine.memory.eviction.EvictionPolicies.names();
        if (!names.contains(policy)) {
            throw new FieldException(field, "unknown eviction policy '" + policy + "' (policies: " + String.join(", ", names) + ")"
                    + org.pocketsim.hw.config.Suggest.nearest(policy, names).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        return policy;
    }
}
