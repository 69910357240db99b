char? answer = 'b';
Lesson02.Concepts.Q1.Check(answer)
