import { lazy, Suspense } from 'react';
import { useRoute } from 'wouter';
import { Loading } from '../ui/states';
import { ItemDetail } from './review/detail';
import { ReviewQueue } from './review/queue';
import './review.css';

/** The correction queue of a law firm's items that need a matter: its own chunk. */
const Matters = lazy(() => import('./matters'));

/**
 * Review: the queue at /review, an item's detail at /review/:id (the filter kept in both), the
 * correction queue of items that need a matter at /review/matters.
 */
export default function Review() {
  const [, params] = useRoute<{ id: string }>('/review/:id');
  if (params?.id === 'matters') {
    return (
      <Suspense fallback={<Loading what="Opening the correction queue" />}>
        <Matters />
      </Suspense>
    );
  }
  return params ? <ItemDetail key={params.id} id={Number(params.id)} /> : <ReviewQueue />;
}
