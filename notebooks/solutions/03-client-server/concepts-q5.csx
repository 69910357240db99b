char? answer = 'a';
Lesson03.Concepts.Q5.Check(answer)
