using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Operations.Tests.Support;

/// <summary>
/// One real portal process: <c>dotnet Palopo.Portal.Web.dll</c> from the web project's build output,
/// Development environment (demo accounts), settings as environment variables, on 127.0.0.1:port.
/// Killed with SIGKILL (<see cref="KillHard"/>) or stopped with SIGTERM (<see cref="Terminate"/>).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    /// <summary>A fixed 32-byte key, base64 (tests need a valid key, not a secret one).</summary>
    public const string BlindIndexKey = "cGFsb3BvLXBvcnRhbC13ZWItdGVzdHMtYmxpbmQta2V5";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortalProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote (console log lines), in order.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The settings every test process gets; <paramref name="settings"/> are laid over them.</summary>
    public static Dictionary<string, string?> BaseSettings(DatabaseProvider provider, string connectionString, string dataPath) => new()
    {
        ["Database:Provider"] = provider.ToString(),
        ["Database:ConnectionString"] = connectionString,
        ["Database:MigrateOnStart"] = "true",
        ["Storage:DataPath"] = dataPath,
        ["PersonalData:BlindIndexKey"] = BlindIndexKey,
        ["DemoAccounts:Enabled"] = "true",
        ["Email:Delivery"] = "PickupFolder",
        ["Portal:PublicBaseUrl"] = "",
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information",
        ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning",
        ["Serilog:MinimumLevel:Override:Palopo.Portal.Application"] = "Warning",
        ["RateLimits:SignIn:PermitLimit"] = "1000000",
        ["RateLimits:Registration:PermitLimit"] = "1000000",
        ["RateLimits:PasswordReset:PermitLimit"] = "1000000",
        ["RateLimits:Track:PermitLimit"] = "1000000",
        ["RateLimits:Claim:PermitLimit"] = "1000000",
        ["RateLimits:Verify:PermitLimit"] = "1000000",
        ["RateLimits:Upload:PermitLimit"] = "1000000",
    };

    /// <summary>Starts the portal; with <paramref name="arguments"/> e.g. "--migrate".</summary>
    /// <summary>
    /// Another process listening on the port (a portal left running by hand, say) would answer in
    /// this one's place, and the test would measure the wrong server: say so instead.
    /// </summary>
    private static void EnsurePortIsFree(int port)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new InvalidOperationException($"Port {port} is already in use by another process; stop it before running these tests.", ex);
        }
        finally
        {
            probe.Stop();
        }
    }

    public static PortalProcess Start(int port, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        EnsurePortIsFree(port);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WebProject.ContentRoot,
        };
        info.ArgumentList.Add(WebProject.Dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(WebProject.ContentRoot);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var portal = new PortalProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) portal._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) portal._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="status"/>; fails with the process output after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string path, HttpStatusCode status, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                Assert.Fail($"The portal exited (code {_process.ExitCode}) while waiting for {path} to answer {(int)status}.\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(path);
                last = response.StatusCode;
                if (response.StatusCode == status)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{path} did not answer {(int)status} within {timeout.TotalSeconds:0} s (last: {last?.ToString() ?? "no answer"}).\n{Tail()}");
    }

    public Task WaitUntilReadyAsync(int seconds = 90) => WaitForAsync("/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(seconds));

    /// <summary>kill -9: no shutdown code runs, nothing is flushed.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: false); // SIGKILL on Unix
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, what `docker stop` and systemd send: the host shuts down gracefully.</summary>
    public void Terminate()
    {
        if (_process.HasExited)
            return;
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit(); // drains the output streams
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 60) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        // Tests that need a graceful stop ask for it; clean-up is quick.
        KillHard();
        await Task.CompletedTask;
        _process.Dispose();
    }
}

/// <summary>Where the web app's build output and content root are, relative to this test's build output.</summary>
public static class WebProject
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Palopo.Portal.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Palopo.Portal.sln not found above " + AppContext.BaseDirectory);
    });

    public static string ContentRoot => Path.Combine(Root.Value, "src", "Palopo.Portal.Web");

    /// <summary>bin/&lt;Configuration&gt;/net10.0/Palopo.Portal.Web.dll, the configuration this test was built in.</summary>
    public static string Dll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var dll = Path.Combine(ContentRoot, "bin", configuration, framework.Name, "Palopo.Portal.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: web app not found", dll);
        }
    }
}
