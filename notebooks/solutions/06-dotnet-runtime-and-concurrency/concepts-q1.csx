// Your answer: a letter, e.g. 'a', in place of null.
Lesson06.Concepts.Q1.Check(answer: 'b')
