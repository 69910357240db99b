double? answer = 413;
Lesson02.Concepts.Q4.Check(answer)
