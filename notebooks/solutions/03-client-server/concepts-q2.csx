double? answer = 100;
Lesson03.Concepts.Q2.Check(answer)
