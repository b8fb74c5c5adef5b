export { renderTemplate, listVariables, type RenderResult, type TemplateContext, type TemplateVariable } from './template.ts';
export {
  buildTemplateContext,
  BUILTIN_VARIABLES,
  BUILTIN_VARIABLE_DESCRIPTIONS,
  type BuiltinVariable,
  type SubscriberVariables,
} from './variables.ts';
