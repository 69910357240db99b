char? answer = 'c';
Lesson02.Concepts.Q5.Check(answer)
