double? answer = 20;
Lesson02.Concepts.Q8.Check(answer)
