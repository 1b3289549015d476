using System.CommandLine;

namespace Xinzhi.Cli;

/// <summary>Builds the command tree and runs it, mapping errors to exit codes.</summary>
public static class XinzhiCli
{
    /// <summary>Exit codes: 0 ok, 1 usage, 2 data error, 3 numerical failure, 4 internal error.</summary>
    public const int Ok = 0, UsageError = 1, DataError = 2, NumericalError = 3, InternalError = 4;

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "Xinzhi (新质) — measure, explain and monitor New Quality Productive Forces (新质生产力): composite indices, " +
            "DEA/SBM/Malmquist TFP, SFA, production functions and the analysis battery.");
        var verbs = typeof(XinzhiCli).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliVerb).IsAssignableFrom(t))
            .Select(t => (ICliVerb)Activator.CreateInstance(t)!)
            .OrderBy(v => v.Order).ThenBy(v => v.GetType().Name, StringComparer.Ordinal);
        foreach (var verb in verbs) root.Subcommands.Add(verb.Create(context));
        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) context.Error.WriteLine($"error: {e.Message}");
            context.Error.WriteLine("Run 'xinzhi --help' or 'xinzhi VERB --help' for usage.");
            return UsageError;
        }
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = context.Console.Profile.Out.Writer, Error = context.Error };
        return Guard(context, () => parse.Invoke(config));
    }

    /// <summary>Runs a verb body, turning Xinzhi exceptions into messages and exit codes.</summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (XinzhiException e)
        {
            var label = e.Category switch
            {
                ErrorCategory.Usage => "usage error",
                ErrorCategory.Data => "data error",
                _ => "numerical failure",
            };
            context.Error.WriteLine($"{label}: {e.Message}");
            return (int)e.Category;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled");
            return InternalError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Error.WriteLine($"internal error (please report it): {e}");
            return InternalError;
        }
    }
}
