// One instance: your API over your store, booking with your BookOnce. Nothing kept in the instance; nothing deleted when it starts.
Action<WebApplication, TicketDb> Service = Tickets.Service(MapTickets, OpenStore, BookOnce);
await Lesson07.Q5.Check(Service)
