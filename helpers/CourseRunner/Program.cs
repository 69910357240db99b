using CourseRunner.Cli;
using CourseRunner.Execution;

// `--worker` is the hidden mode the CLI starts once per notebook (a fresh "kernel" process);
// everything else is the command line a person or CI types.
return args is ["--worker", .. var rest]
    ? await Worker.RunAsync(rest)
    : await CommandLine.RunAsync(args, Console.Out);
