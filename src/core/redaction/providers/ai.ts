import { ALNUM, HEX, keyword, prefix, type Family } from './family.js';

/** Model providers and ML hubs. */
export const AI: readonly Family[] = [
  prefix('openai-project-key', 'OpenAI', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-'], '[A-Za-z0-9_-]{20,300}', { kind: 'openai_key' }),
  // Legacy OpenAI keys (`sk-` + 48) and the same shape used by DeepSeek (32 hex), Stability, Moonshot ...
  prefix('openai-legacy-key', 'OpenAI', 'sk-', `[${ALNUM}]{32,64}`, { kind: 'openai_key' }),
  prefix('anthropic-api-key', 'Anthropic', ['sk-ant-api03-', 'sk-ant-admin01-', 'sk-ant-oat01-', 'sk-ant-ort01-', 'sk-ant-sid01-'], '[A-Za-z0-9_-]{20,300}', { kind: 'anthropic_key' }),
  prefix('huggingface-token', 'Hugging Face', 'hf_', '[A-Za-z]{30,40}', { tail: 'A-Za-z0-9_-' }),
  prefix('huggingface-org-token', 'Hugging Face', 'api_org_', '[A-Za-z]{30,40}'),
  prefix('replicate-token', 'Replicate', 'r8_', `[${ALNUM}]{37}`),
  prefix('groq-api-key', 'Groq', 'gsk_', `[${ALNUM}]{52}`),
  prefix('perplexity-api-key', 'Perplexity', 'pplx-', `[${ALNUM}]{48}`),
  prefix('xai-api-key', 'xAI', 'xai-', `[${ALNUM}]{70,90}`),
  prefix('langsmith-key', 'LangChain', ['lsv2_pt_', 'lsv2_sk_'], `[${HEX}]{32}_[${HEX}]{10}`),
  prefix('pinecone-key', 'Pinecone', 'pcsk_', '[A-Za-z0-9]{5,8}_[A-Za-z0-9]{50,80}'),
  prefix('elevenlabs-key', 'ElevenLabs', 'sk_', `[${HEX}]{48}`),
  prefix('fireworks-key', 'Fireworks', 'fw_', `[${ALNUM}]{24}`),
  prefix('nvidia-api-key', 'NVIDIA', 'nvapi-', '[A-Za-z0-9_-]{64}'),
  prefix('openrouter-key', 'OpenRouter', 'sk-or-v1-', `[${HEX}]{64}`),
  keyword('cohere-api-key', 'Cohere', ['cohere', 'co_api_key'], '[a-zA-Z0-9]{40}'),
  keyword('mistral-api-key', 'Mistral', 'mistral', '[a-zA-Z0-9]{32}'),
  keyword('together-api-key', 'Together AI', ['together_api', 'togetherai', 'together_ai'], `[${HEX}]{64}|tgp_v1_[A-Za-z0-9_-]{40,50}`),
  keyword('anyscale-key', 'Anyscale', 'anyscale', 'esecret_[a-z0-9]{20,40}'),
  keyword('wandb-api-key', 'Weights & Biases', ['wandb', 'weights_and_biases'], `[${HEX}]{40}|local-[${HEX}]{40}`),
  keyword('assemblyai-key', 'AssemblyAI', 'assemblyai', `[${HEX}]{32}`),
  keyword('deepgram-key', 'Deepgram', 'deepgram', `[${HEX}]{40}`),
  keyword('gemini-api-key', 'Google', 'gemini', '[A-Za-z0-9_-]{39}'),
  keyword('clarifai-key', 'Clarifai', 'clarifai', `[${HEX}]{32}`),
  keyword('roboflow-key', 'Roboflow', 'roboflow', '[A-Za-z0-9]{20}'),
  keyword('privateai-token', 'Private AI', ['privateai', 'private_ai', 'private-ai'], '[a-z0-9]{32}'),
];
