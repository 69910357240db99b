// A core gives one second of CPU time per second; each /json request costs Kestrel this much of it
var kestrelCpu = json.Of(BridgeServerKind.Kestrel)!.Top.CpuPerRequest;
double ceiling = servers.Cores / kestrelCpu.TotalSeconds;

Lesson06b.Q1.Check(ceiling, json)
