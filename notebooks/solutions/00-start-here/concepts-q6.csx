char? answer = 'b';    // your answer: a letter, e.g. 'a', in place of null
Lesson00.Concepts.Q6.Check(answer)
