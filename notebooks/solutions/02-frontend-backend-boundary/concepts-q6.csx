char? answer = 'b';
Lesson02.Concepts.Q6.Check(answer)
