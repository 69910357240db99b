// Your answer: a number, in place of null.
Lesson06.Concepts.Q3.Check(answer: 4000)
