using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatchedAliasAndLinkReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reasons",
                table: "ArticleLinks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchedAlias",
                table: "ArticleEntities",
                type: "text",
                nullable: true);

            // Mentions stored before MatchedAlias existed get it from the relink job, which reruns when its state is gone.
            migrationBuilder.Sql("DELETE FROM \"JobStates\" WHERE \"Name\" = 'relink';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reasons",
                table: "ArticleLinks");

            migrationBuilder.DropColumn(
                name: "MatchedAlias",
                table: "ArticleEntities");
        }
    }
}
