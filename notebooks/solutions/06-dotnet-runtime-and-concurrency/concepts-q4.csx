// Your answer: a number, in place of null.
Lesson06.Concepts.Q4.Check(answer: 400)
