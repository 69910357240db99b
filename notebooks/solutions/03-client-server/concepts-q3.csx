double? answer = 50;
Lesson03.Concepts.Q3.Check(answer)
