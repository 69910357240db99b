char? answer = 'b';
Lesson02.Concepts.Q3.Check(answer)
