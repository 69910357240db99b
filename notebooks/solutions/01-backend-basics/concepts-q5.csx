double? answer = 404;    // your answer: a number, in place of null
Lesson01.Concepts.Q5.Check(answer)
