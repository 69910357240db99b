using CourseRunner.Cli;

return await CommandLine.RunAsync(args, Console.Out);
