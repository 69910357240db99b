// Every run starts real kernel processes (seconds of CPU each) and some lessons measure: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
