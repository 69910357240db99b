// Many tests here measure real servers on loopback (first-byte times, Little's law, rates).
// On a 2-core machine, two such tests at once disturb each other, so the tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
