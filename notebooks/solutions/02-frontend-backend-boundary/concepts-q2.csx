char? answer = 'b';
Lesson02.Concepts.Q2.Check(answer)
