char? answer = 'b';
Lesson02.Concepts.Q7.Check(answer)
