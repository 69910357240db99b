// Your answer: a number, in place of null.
Lesson05.Concepts.Q3.Check(answer: 42)
