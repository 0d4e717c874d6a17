package dev.hibernateae.benchmarks.suite;

/**
 * How long the suite measures. {@link #FULL} is what the published figures come from; {@link #QUICK} checks that
 * everything runs and gives rough figures in a few minutes.
 *
 * @param rounds forks of hibernate-ae against plaintext with random keys and of the warm boot, each with its own pair
 *     order (every other end-to-end comparison runs one fork)
 * @param entityWarmups warm-up iterations (even: whole pairs) of an end-to-end run
 * @param entityIterations measured iterations (even: whole pairs) of an end-to-end run
 * @param seconds length of one end-to-end or boot iteration
 * @param coldBoots fresh JVMs per twin for the cold boot
 * @param microWarmups warm-up iterations of the key ring and allocation benchmarks (one second each)
 * @param microIterations measured iterations of the key ring and allocation benchmarks (one second each)
 * @param probeTrials stampedes of the concurrent unwrap probe
 */
record SuiteProfile(String name, int rounds, int entityWarmups, int entityIterations, int seconds, int coldBoots,
        int microWarmups, int microIterations, int probeTrials) {

    static final SuiteProfile FULL = new SuiteProfile("full", 3, 16, 20, 1, 8, 5, 10, 20);
    static final SuiteProfile QUICK = new SuiteProfile("quick", 1, 4, 4, 1, 2, 2, 3, 3);

    SuiteProfile {
        if (entityWarmups % 2 != 0 || entityIterations % 2 != 0) {
            throw new IllegalArgumentException("alternating runs need whole pairs of iterations");
        }
    }

    SuiteProfile withRounds(int newRounds) {
        return new SuiteProfile(name, newRounds, entityWarmups, entityIterations, seconds, coldBoots, microWarmups,
                microIterations, probeTrials);
    }
}
