using Marketplace.Bench;

// build/bench.sh drives the Host over HTTP with this tool: it loads the benchmark data through the public API (many clients
// at once), writes the inputs of the wrk scripts, makes delivered card sales through the real order flow (acting as CMI's
// server for the payment callback, and as the mail relay), runs the payout run, times passes over lists of searches, and prints the report.
var options = Options.Parse(args.Skip(1));
try
{
    switch (args.FirstOrDefault())
    {
        case "seed": await Seed.RunAsync(options); break;
        case "payouts-seed": await PayoutsSeed.RunAsync(options); break;
        case "payout-run": await PayoutRun.RunAsync(options); break;
        case "pass": await Pass.RunAsync(options); break;
        case "tokens": await Seed.TokensAsync(options); break;
        case "report": Report.Run(options); break;
        case "mail-relay": await MailRelay.RunAsync(options); break;
        case "search-paths": Searches.Write(options.Dir, new Random(options.Int("seed", 2026))); break;
        default:
            Console.Error.WriteLine("usage: Marketplace.Bench seed|tokens|payouts-seed|payout-run|pass|report|search-paths|mail-relay --name value ...");
            return 2;
    }
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Marketplace.Bench {args.FirstOrDefault()}: {e.Message}");
    return 1;
}
