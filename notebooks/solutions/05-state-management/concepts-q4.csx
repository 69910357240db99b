// Your answer: a letter, e.g. 'a', in place of null.
Lesson05.Concepts.Q4.Check(answer: 'b')
