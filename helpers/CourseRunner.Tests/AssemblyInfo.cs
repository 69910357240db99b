// In-process runs set the process's working directory to the notebook's folder (as the kernel
// has it) and capture Console globally, so tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
