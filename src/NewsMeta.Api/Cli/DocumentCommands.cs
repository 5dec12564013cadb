using System.CommandLine;
using System.Globalization;

namespace NewsMeta.Api.Cli;

/// <summary><c>schema</c> and <c>openapi</c>: print the API's contracts; neither opens the database.</summary>
internal static class DocumentCommands
{
    public static Command Schema(CommandHost host)
    {
        var command = new Command("schema", "Prints the GraphQL schema (SDL) that src/NewsMeta.Api/GraphQL/schema.graphql must match. Opens no database.");
        command.SetAction(async parse =>
        {
            await using var app = host.Build(parse);
            Console.Out.Write(GraphQL.SchemaText.Print(app.Services.GetRequiredService<global::GraphQL.Types.ISchema>()));
            return 0;
        });
        return command;
    }

    public static Command OpenApi(CommandHost host)
    {
        var command = new Command("openapi", "Prints the REST OpenAPI 3.0 document as served at /swagger/v1/swagger.json (for client generators). Opens no database.");
        command.SetAction(async parse =>
        {
            await using var app = host.Build(parse);
            host.MapEndpoints(app);
            // The mapped endpoints reach the API explorer through UseEndpoints, which otherwise runs only when the server starts.
            app.UseRouting();
            app.UseEndpoints(_ => { });
            var document = app.Services.GetRequiredService<Swashbuckle.AspNetCore.Swagger.ISwaggerProvider>().GetSwagger("v1");
            await using var text = new StringWriter(CultureInfo.InvariantCulture);
            document.SerializeAsV3(new Microsoft.OpenApi.OpenApiJsonWriter(text));
            Console.Out.Write(text.ToString());
            return 0;
        });
        return command;
    }
}
