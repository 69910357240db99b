double? answer = 200;    // your answer: a number, in place of null
Lesson00.Concepts.Q7.Check(answer)
