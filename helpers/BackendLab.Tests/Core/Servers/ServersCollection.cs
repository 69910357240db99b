namespace BackendLab.Tests.Core;

/// <summary>
/// Tests that start servers run one after another: <see cref="Servers"/> keeps one list of named servers
/// per process, and <see cref="Servers.StopAllAsync"/> stops all of them.
/// </summary>
[CollectionDefinition("servers", DisableParallelization = true)]
public sealed class ServersCollection;
