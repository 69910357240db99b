// Your answer: a letter, e.g. 'a', in place of null.
Lesson06.Concepts.Q2.Check(answer: 'b')
