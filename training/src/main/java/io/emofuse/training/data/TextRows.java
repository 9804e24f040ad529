package io.emofuse.training.data;

import io.emofuse.fusion.input.InputEncoder;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.linguistic.embed.ConcatTextEmbedder;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.models.ModelStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Text rows of texts, through the {@link FeatureCache} (keyed by the text's sha256 and the text
 * input), built by the model's {@link InputEncoder}; the embedder is opened only when some row is
 * not cached. A concatenation ({@code bge-small+e5-small}) is cached part by part, so adding a
 * model to a list costs that model's vectors only. Thread-safe.
 */
final class TextRows {

    private final FeatureCache cache;
    private final ModelStore store;
    private final FeaturePipeline.Progress progress;

    TextRows(FeatureCache cache, ModelStore store, FeaturePipeline.Progress progress) {
        this.cache = cache;
        this.store = store;
        this.progress = progress;
    }

    float[][] rows(List<String> texts, InputEncoder encoder) {
        List<String> parts = TextEmbedders.parts(encoder.text().embedder());
        if (parts.size() == 1) {
            return singleRows(texts, encoder);
        }
        // TextInput admits concatenations as pooled vectors only; ConcatTextEmbedder joins them the same way
        List<float[][]> byPart = new ArrayList<>(parts.size());
        for (String p : parts) {
            byPart.add(singleRows(texts, new InputEncoder(null, new TextInput(p, "pooled", 0))));
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            List<float[]> vs = new ArrayList<>(parts.size());
            for (float[][] part : byPart) {
                vs.add(part[i]);
            }
            out[i] = ConcatTextEmbedder.join(vs);
        }
        return out;
    }

    private float[][] singleRows(List<String> texts, InputEncoder encoder) {
        String key = encoder.text().cacheKey();
        String stage = "text " + encoder.text().embedder();
        float[][] out = new float[texts.size()][];
        List<Integer> todo = new ArrayList<>();
        String[] hash = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            hash[i] = FeatureCache.sha256(texts.get(i) == null ? "" : texts.get(i));
            out[i] = cache.vector("text", hash[i], key).orElse(null);
            if (out[i] == null) {
                todo.add(i);
            }
        }
        progress.update(stage, texts.size() - todo.size(), texts.size());
        if (todo.isEmpty()) {
            return out;
        }
        try (TextEmbedder e = TextEmbedders.create(encoder.text().embedder(), store)) {
            List<float[]> vs = encoder.textRows(e, todo.stream().map(texts::get).toList());
            for (int k = 0; k < todo.size(); k++) {
                int i = todo.get(k);
                out[i] = vs.get(k);
                cache.putVector("text", hash[i], key, out[i]);
            }
        }
        progress.update(stage, texts.size(), texts.size());
        return out;
    }
}
