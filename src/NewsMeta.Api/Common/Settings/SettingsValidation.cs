using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsMeta.Api.Common.Settings;

/// <summary>
/// How every settings section is registered: bound once from its configuration section, checked by its
/// data annotations (and <see cref="IValidatableObject"/>) at start, before the database is touched. A
/// wrong value stops the start with a message naming the key, e.g.
/// <c>GraphQL:MaxDepth must be between 1 and 100 (was -3).</c>
/// </summary>
public static class SettingsValidation
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new SectionValidator<T>(section)));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Runs the checks that ValidateOnStart registered. The host runs them when it starts; a command (which never
    /// starts the host) and the server (before it migrates and seeds) call this first.
    /// </summary>
    public static void ValidateSettings(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            foreach (var property in typeof(T).GetProperties())
            {
                var value = property.GetValue(options);
                var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = property.Name };
                foreach (var rule in property.GetCustomAttributes(typeof(ValidationAttribute), true).Cast<ValidationAttribute>())
                {
                    if (rule.GetValidationResult(value, context) is { } failure)
                    {
                        failures.Add(rule is RangeAttribute range
                            ? $"{section}:{property.Name} must be between {Text(range.Minimum)} and {Text(range.Maximum)} (was {Text(value) ?? "empty"})."
                            : $"{section}:{property.Name}: {failure.ErrorMessage}");
                    }
                }
            }

            // Rules across properties (or over list items) run once every single value is right; their messages name their keys.
            if (failures.Count == 0 && options is IValidatableObject whole)
            {
                failures.AddRange(whole.Validate(new ValidationContext(options)).Select(r => $"{section}:{r.ErrorMessage}"));
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static string? Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
