double? answer = 4500;    // your answer: a number, in place of null
Lesson01.Concepts.Q3.Check(answer)
