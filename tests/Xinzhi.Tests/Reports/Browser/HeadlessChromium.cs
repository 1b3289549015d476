using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Xinzhi.Tests.Reports.Browser;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket, no extra packages): open a
/// page, evaluate JavaScript, collect console errors and uncaught exceptions, take screenshots.
/// Started with the flags this machine needs (no sandbox as root, no GPU, no background networking: the network is
/// closed and Chromium's own connections would fail) and a fresh profile directory.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiver;
    private int _nextId;

    /// <summary>Console errors, uncaught exceptions and error log entries seen so far (all pages).</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Where Chromium is: $XINZHI_CHROMIUM, or Debian's /usr/bin/chromium; null when not installed.</summary>
    public static string? Locate(IReadOnlyList<string>? candidates = null)
    {
        var env = Environment.GetEnvironmentVariable("XINZHI_CHROMIUM");
        if (candidates is null && !string.IsNullOrEmpty(env) && File.Exists(env)) return env;
        foreach (var p in candidates ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (File.Exists(p)) return p;
        return null;
    }

    /// <param name="candidates">Where to look for the binary (tests of the not-installed message); default: Debian's paths.</param>
    public static async Task<HeadlessChromium> StartAsync(TimeSpan timeout, IReadOnlyList<string>? candidates = null)
    {
        var exe = Locate(candidates) ?? throw new InvalidOperationException(
            "Chromium is not installed, so the HTML report cannot be checked. Run `bash .ci/install` (it installs Debian's " +
            "chromium and a CJK font; CI runs it through .ci/run), or set XINZHI_CHROMIUM to a Chromium binary.");
        var profile = Path.Combine(Path.GetTempPath(), "xinzhi-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                     "--allow-file-access-from-files", "--remote-debugging-port=0", "--remote-allow-origins=*",
                     "--window-size=1400,1000", $"--user-data-dir={profile}", "about:blank",
                 })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            // Chromium writes the chosen port and the browser target's path into DevToolsActivePort.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var sw = Stopwatch.StartNew();
            string[]? lines = null;
            while (sw.Elapsed < timeout)
            {
                if (process.HasExited) break;
                if (File.Exists(portFile))
                {
                    lines = (await File.ReadAllLinesAsync(portFile)).Where(l => l.Length > 0).ToArray();
                    if (lines.Length >= 2) break;
                }
                await Task.Delay(50);
            }
            if (lines is not { Length: >= 2 })
            {
                string log;
                lock (stderr) log = stderr.ToString();
                throw new InvalidOperationException($"Chromium did not open its DevTools port within {timeout.TotalSeconds:0} s (exited: {process.HasExited}). stderr:\n{log}");
            }
            await browser._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), CancellationToken.None);
            browser._receiver = Task.Run(browser.ReceiveLoop);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a new tab and returns a session attached to it.</summary>
    public async Task<Page> NewPageAsync(int width, int height)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true });
        var page = new Page(this, attached["sessionId"]!.GetValue<string>());
        await page.SendAsync("Runtime.enable");
        await page.SendAsync("Log.enable");
        await page.SendAsync("Page.enable");
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        });
        return page;
    }

    internal async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        var done = await Task.WhenAny(tcs.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != tcs.Task) throw new TimeoutException($"CDP {method} got no answer in 60 s.");
        var response = await tcs.Task;
        if (response["error"] is JsonNode error) throw new InvalidOperationException($"CDP {method} failed: {error.ToJsonString()}");
        return response["result"] as JsonObject ?? new JsonObject();
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (node is null) continue;
                if (node["id"] is JsonNode idNode && _pending.TryRemove(idNode.GetValue<int>(), out var tcs))
                {
                    tcs.TrySetResult(node);
                }
                else if (node["method"]?.GetValue<string>() is { } method)
                {
                    OnEvent(method, node["params"] as JsonObject);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        foreach (var p in _pending.Values) p.TrySetException(new InvalidOperationException("Chromium connection closed."));
    }

    private void OnEvent(string method, JsonObject? p)
    {
        if (p is null) return;
        if (method == "Runtime.consoleAPICalled")
        {
            var type = p["type"]?.GetValue<string>();
            if (type is not ("error" or "assert")) return;
            var args = (p["args"] as JsonArray)?.Select(a => a?["value"]?.ToJsonString() ?? a?["description"]?.GetValue<string>() ?? "?") ?? [];
            Errors.Enqueue("console." + type + ": " + string.Join(" ", args));
        }
        else if (method == "Runtime.exceptionThrown")
        {
            var details = p["exceptionDetails"];
            Errors.Enqueue("exception: " + (details?["exception"]?["description"]?.GetValue<string>() ?? details?["text"]?.GetValue<string>() ?? "?"));
        }
        else if (method == "Log.entryAdded")
        {
            var entry = p["entry"];
            if (entry?["level"]?.GetValue<string>() != "error") return;
            Errors.Enqueue("log: " + entry["text"]?.GetValue<string>() + " " + entry["url"]?.GetValue<string>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                try { await SendAsync("Browser.close"); } catch (Exception) { /* closing anyway */ }
            }
        }
        finally
        {
            await _stop.CancelAsync();
            if (_receiver is not null) { try { await _receiver; } catch (Exception) { } }
            _socket.Dispose();
            if (!_process.HasExited)
            {
                if (!_process.WaitForExit(3000)) _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
            try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A tab: navigate, evaluate, screenshot.</summary>
    public sealed class Page(HeadlessChromium browser, string sessionId)
    {
        public Task<JsonObject> SendAsync(string method, JsonObject? parameters = null) => browser.SendAsync(method, parameters, sessionId);

        public Task NavigateAsync(string url) => SendAsync("Page.navigate", new JsonObject { ["url"] = url });

        /// <summary>Evaluates an expression and returns its value as JSON (the expression should return JSON-able data).</summary>
        public async Task<JsonNode?> EvaluateAsync(string expression)
        {
            var r = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (r["exceptionDetails"] is JsonNode ex) throw new InvalidOperationException($"evaluate failed: {ex.ToJsonString()}");
            return r["result"]?["value"]?.DeepClone();
        }

        /// <summary>Polls an expression until it is true.</summary>
        public async Task WaitForAsync(string condition, TimeSpan timeout)
        {
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < timeout)
            {
                if ((await EvaluateAsync($"!!({condition})"))?.GetValue<bool>() == true) return;
                await Task.Delay(100);
            }
            throw new TimeoutException($"'{condition}' did not become true within {timeout.TotalSeconds:0} s.");
        }

        /// <summary>Saves a PNG of the whole page (beyond the viewport).</summary>
        public async Task ScreenshotAsync(string path)
        {
            var metrics = await SendAsync("Page.getLayoutMetrics");
            var size = metrics["cssContentSize"] ?? metrics["contentSize"];
            var width = Math.Ceiling(size!["width"]!.GetValue<double>());
            var height = Math.Min(16000, Math.Ceiling(size["height"]!.GetValue<double>()));
            var shot = await SendAsync("Page.captureScreenshot", new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
            });
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
        }
    }
}
