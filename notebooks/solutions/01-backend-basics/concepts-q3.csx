// Your answer: a number, in place of null.
Lesson01.Concepts.Q3.Check(answer: 4500)
