var rawRequest = "GET /greeting HTTP/1.1\r\nHost: localhost\r\nAccept-Language: fr\r\n\r\n";

await Lesson03.Q1.Check(rawRequest)
