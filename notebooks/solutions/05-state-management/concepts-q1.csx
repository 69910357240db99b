// Your answer: a number, in place of null.
Lesson05.Concepts.Q1.Check(answer: 1)
