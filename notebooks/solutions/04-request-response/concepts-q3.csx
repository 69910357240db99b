// Your answer: a number, in place of null.
Lesson04.Concepts.Q3.Check(answer: 1)
