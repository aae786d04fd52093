package lab.portexhaustion.onset;

/** Requests of a run so far, at one moment. */
public record RequestCounts(long started, long succeeded, long failed) {}
