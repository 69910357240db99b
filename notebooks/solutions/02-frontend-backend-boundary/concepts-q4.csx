// Your answer: a number, in place of null.
Lesson02.Concepts.Q4.Check(answer: 413)
