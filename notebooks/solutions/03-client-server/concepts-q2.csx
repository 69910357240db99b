// Your answer: a number, in place of null.
Lesson03.Concepts.Q2.Check(answer: 100)
