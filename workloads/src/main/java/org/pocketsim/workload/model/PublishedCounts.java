package org.pocketsim.workload.model;

/**
 * Parameter counts a model's authors or card publish, kept beside the spec so that tests and
 * reports can set them against the counts computed from the dimensions.
 *
 * @param totalB  published total parameters, in billions
 * @param activeB published parameters active per token, in billions (equal to total for dense models)
 * @param source  where the figures come from
 */
public record PublishedCounts(double totalB, double activeB, String source) {

    public PublishedCounts {
        if (!(totalB > 0)) throw new IllegalArgumentException("published.totalB must be positive, got " + totalB);
        if (!(activeB > 0) || activeB > totalB) throw new IllegalArgumentException(
                "published.activeB must be in (0, totalB], got " + activeB);
        if (source == null || source.isBlank()) throw new IllegalArgumentException("published.source is required");
    }
}
