char? answer = 'c';
Lesson03.Concepts.Q1.Check(answer)
