Console.WriteLine("CourseRunner: not built yet");
return 0;
