char? answer = 'b';
Lesson03.Concepts.Q4.Check(answer)
