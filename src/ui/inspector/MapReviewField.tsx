import { WORKSPACE_STATUSES, type MapReviewState, type ProcessMap } from '../../core/model/types';
import { STATUS_LABEL } from '../../core/model/vocabulary';
import { reviewSentence } from '../../core/report/reportText';
import { setMapReview } from '../../state/mapActions';
import { personName } from '../people/NameDialog';
import { usePerson } from '../../state/personStore';
import { SelectField } from './fields';

const WHY = 'Your name goes with the review status, so everyone sees who set it.';

/** The map's review status (draft, for review, agreed), signed with the person's name, asked for the first time. */
export function MapReviewField({ map }: { map: ProcessMap }) {
  const me = usePerson((s) => s.name);
  const choose = async (state: MapReviewState) => {
    const by = await personName(WHY);
    if (by) setMapReview(map.id, state, by);
  };
  const line = reviewSentence(map.review);
  return (
    <>
      <SelectField<MapReviewState> label="Review status" value={map.review?.state ?? 'draft'} options={WORKSPACE_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onChange={(s) => void choose(s)} />
      {line && <p className="hint review-line">{line}.</p>}
      {me && (
        <p className="hint">
          You are {me}.{' '}
          <button type="button" className="link-button" onClick={() => void personName(WHY, true)}>
            Change your name
          </button>
        </p>
      )}
    </>
  );
}
